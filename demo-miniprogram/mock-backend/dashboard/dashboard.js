import { createActions } from './actions.js';
import { connect } from './connection.js';
import { createList } from './list.js';
import { createSequence } from './sequence.js';

const byId = (id) => document.getElementById(id);

const sequence = createSequence({
  section: byId('sequence'),
  heading: byId('sequence-heading'),
  body: byId('sequence-body'),
  hide: byId('sequence-hide'),
});

const list = createList({
  table: document.querySelector('table.orders'),
  stateFilter: byId('filter-state'),
  kindFilter: byId('filter-kind'),
  count: byId('count'),
  empty: byId('empty'),
  loose: { section: byId('loose-section'), list: byId('loose') },
  handlers: {
    onAction: createActions(byId('action-error')),
    onSequence: (id) => {
      const data = list.get(id);
      if (data) sequence.show(data);
    },
  },
});

const status = byId('connection');

connect({
  onSnapshot(snapshot) {
    list.replace(snapshot);
    sequence.refresh(list.get);
  },
  onEntry(event) {
    list.add(event);
    if (event.item && event.item.id === sequence.shownId) sequence.refresh(list.get);
  },
  onStatus(text, kind) {
    status.textContent = text;
    status.dataset.state = kind;
  },
});
