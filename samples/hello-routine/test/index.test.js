import { test } from 'node:test';
import assert from 'node:assert/strict';
import routine from '../src/index.js';

test('GET / greets the world with JSON', async () => {
  const response = await routine.fetch(new Request('https://example.com/'));

  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^application\/json/);
  const body = await response.json();
  assert.equal(body.message, 'Hello, world!');
  assert.equal(body.path, '/');
});

test('GET /?name= greets by name', async () => {
  const response = await routine.fetch(new Request('https://example.com/hi?name=ESA'));

  assert.equal((await response.json()).message, 'Hello, ESA!');
});

test('GET /health answers ok as text', async () => {
  const response = await routine.fetch(new Request('https://example.com/health'));

  assert.equal(response.status, 200);
  assert.equal(await response.text(), 'ok');
});

test('POST is refused with 405 and an Allow header', async () => {
  const response = await routine.fetch(new Request('https://example.com/', { method: 'POST', body: 'x' }));

  assert.equal(response.status, 405);
  assert.equal(response.headers.get('allow'), 'GET, HEAD');
});
