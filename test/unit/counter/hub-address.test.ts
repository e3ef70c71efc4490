import { describe, expect, it } from 'vitest';
import { hubUrlOf } from '../../../electron/counter/hub-address';

describe('a hub’s address as a person types it', () => {
  it.each([
    ['127.0.0.2:5171', 'https://127.0.0.2:5171'],
    ['127.0.0.2', 'https://127.0.0.2:5171'],
    ['  https://127.0.0.2:6000/ ', 'https://127.0.0.2:6000'],
    ['https://127.0.0.2:443', 'https://127.0.0.2:443'],
    ['hub.local', 'https://hub.local:5171'],
    ['[::1]:5200', 'https://[::1]:5200'],
  ])('%s is %s', (typed, url) => {
    expect(hubUrlOf(typed)).toBe(url);
  });

  it.each([
    'http://127.0.0.2:5171',
    'https://127.0.0.2/api',
    'https://u:p@127.0.0.2',
    'ftp://x',
    ':::',
  ])('%s is refused', (typed) => {
    expect(() => hubUrlOf(typed)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
