/** JSON requests to the demo's backend with wx.request, as Promises. */
function createApi(baseUrl) {
  function call(method, path, data) {
    return new Promise((resolve, reject) => {
      wx.request({
        url: baseUrl.replace(/\/+$/, '') + path,
        method: method,
        data: data,
        header: data ? { 'content-type': 'application/json' } : {},
        success: (response) => {
          if (response.statusCode >= 200 && response.statusCode < 300) resolve(response.data);
          else reject(new Error(`${method} ${path} answered HTTP ${response.statusCode}`));
        },
        fail: (error) => {
          // biome-ignore lint/complexity/useOptionalChain: the mini program code stays ES2015
          reject(new Error(`${method} ${path} failed: ${(error || {}).errMsg}`));
        },
      });
    });
  }
  return {
    get: (path) => call('GET', path),
    post: (path, data) => call('POST', path, data),
  };
}

module.exports = { createApi: createApi };
