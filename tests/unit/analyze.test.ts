import { describe, expect, it } from 'vitest';
import { analyzeTicket } from '@/lib/engine/analyze';

describe('analyzeTicket', () => {
  it('reports no customer signals when there is no customer message', () => {
    expect(analyzeTicket({ customer: [], agent: [], reply: 'Hello' }).customer).toBeNull();
  });
});
