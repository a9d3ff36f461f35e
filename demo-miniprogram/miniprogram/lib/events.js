/** A tiny event emitter: on(name, listener) returns the function that removes it. */
function createEvents() {
  const listeners = {};
  return {
    on: (name, listener) => {
      if (!listeners[name]) listeners[name] = [];
      const list = listeners[name];
      list.push(listener);
      return function off() {
        const index = list.indexOf(listener);
        if (index >= 0) list.splice(index, 1);
      };
    },
    emit: (name, ...args) => {
      const list = (listeners[name] || []).slice();
      for (let i = 0; i < list.length; i++) list[i].apply(null, args);
    },
  };
}

module.exports = { createEvents };
