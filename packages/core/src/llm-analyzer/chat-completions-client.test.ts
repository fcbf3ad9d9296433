import { describe, expect, it } from 'vitest';

import { AppError } from '../errors/app-error.js';
import { chatCompletionsUrl } from './chat-completions-client.js';

describe('chatCompletionsUrl', () => {
  it.each([
    ['http://localhost:11434', 'http://localhost:11434/v1/chat/completions'],
    ['http://localhost:11434/', 'http://localhost:11434/v1/chat/completions'],
    ['http://localhost:11434/v1', 'http://localhost:11434/v1/chat/completions'],
    ['http://localhost:11434/v1/', 'http://localhost:11434/v1/chat/completions'],
    ['https://openrouter.ai/api/v1', 'https://openrouter.ai/api/v1/chat/completions'],
    [
      'https://generativelanguage.googleapis.com/v1beta/openai/',
      'https://generativelanguage.googleapis.com/v1beta/openai/chat/completions',
    ],
    ['http://127.0.0.1:8080/v1/chat/completions', 'http://127.0.0.1:8080/v1/chat/completions'],
  ])('%s → %s', (baseUrl, url) => {
    expect(chatCompletionsUrl(baseUrl)).toBe(url);
  });

  it('rejects what is not an http(s) URL', () => {
    expect(() => chatCompletionsUrl('localhost:11434')).toThrow(AppError);
    expect(() => chatCompletionsUrl('ftp://example.com')).toThrow(/http\(s\)/);
  });
});
