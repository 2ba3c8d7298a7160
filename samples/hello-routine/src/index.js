// hello-routine: an ESA Edge Routine that greets visitors and reports where the request was served.
// It is an ES module whose default export has a fetch handler, the shape ESA Edge Routines run.

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

function greeting(url) {
  const name = (url.searchParams.get('name') || 'world').slice(0, 64);
  return `Hello, ${name}!`;
}

async function handle(request) {
  const url = new URL(request.url);

  if (url.pathname === '/health') {
    return new Response('ok', { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }

  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(JSON.stringify({ error: 'method not allowed' }), {
      status: 405,
      headers: { ...JSON_HEADERS, allow: 'GET, HEAD' },
    });
  }

  const body = {
    message: greeting(url),
    path: url.pathname,
    servedAt: new Date().toISOString(),
  };
  return new Response(JSON.stringify(body), { status: 200, headers: JSON_HEADERS });
}

export default {
  async fetch(request) {
    return handle(request);
  },
};
