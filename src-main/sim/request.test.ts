import { describe, expect, it } from 'vitest';
import { frameRequest } from './request.js';

describe('request framing', () => {
  it('takes a JSON request as soon as the object is complete, with no terminator (pyasic style)', () => {
    expect(frameRequest('{"command":"summary"}', false)).toEqual({
      complete: true,
      request: { kind: 'json', command: 'summary', parameter: null },
    });
  });

  it('waits for the rest of a JSON request that arrived in pieces', () => {
    expect(frameRequest('{"command":"sum', false)).toEqual({ complete: false, quiet: false });
  });

  it('keeps the parameter of a JSON request, numbers included', () => {
    expect(frameRequest('{"command":"switchpool","parameter":1}\n', false)).toMatchObject({
      request: { kind: 'json', command: 'switchpool', parameter: '1' },
    });
  });

  it('calls a JSON request invalid once a newline or the half-close shows it will not complete', () => {
    expect(frameRequest('{"command":\n', false)).toMatchObject({ complete: true, request: { kind: 'invalid-json' } });
    expect(frameRequest('{"command":', true)).toMatchObject({ complete: true, request: { kind: 'invalid-json' } });
  });

  it('reports a JSON object without "command"', () => {
    expect(frameRequest('{"cmd":"summary"}', false)).toMatchObject({ request: { kind: 'missing-command' } });
  });

  it('splits a text request at "|" into command and parameter', () => {
    expect(frameRequest('pools|0\n', false)).toEqual({
      complete: true,
      request: { kind: 'text', command: 'pools', parameter: '0' },
    });
    expect(frameRequest('summary\r\n', false)).toMatchObject({
      request: { kind: 'text', command: 'summary', parameter: null },
    });
  });

  it('asks for a quiet spell before taking a text request that has no terminator', () => {
    expect(frameRequest('summary', false)).toEqual({ complete: false, quiet: true });
    expect(frameRequest('summary', true)).toMatchObject({ complete: true, request: { command: 'summary' } });
  });

  it('treats a connection closed without a request as empty', () => {
    expect(frameRequest('', true)).toEqual({ complete: true, request: { kind: 'empty' } });
    expect(frameRequest('', false)).toEqual({ complete: false, quiet: false });
  });

  it('ignores a NUL byte some clients send after the request', () => {
    expect(frameRequest('{"command":"stats"}\0', false)).toMatchObject({
      complete: true,
      request: { command: 'stats' },
    });
  });
});
