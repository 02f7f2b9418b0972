import { describe, expect, it } from 'vitest';
import type { ImprovementView } from '../../../src/contracts/feedback.js';
import {
  checkStatusChange,
  checkSuggestion,
  emptySuggestionDraft,
  statusDraftOf,
} from './improvement-draft.js';

const improvement: ImprovementView = {
  id: 'i1',
  title: 'Pull figures from the tracker',
  detail: '',
  suggestedBy: 'u1',
  status: 'pushed-to-vendor',
  vendor: 'Contoso AI',
  statusNote: 'FR-88',
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
  etag: 'e1',
};

describe('the improvement drafts', () => {
  it('should ask for a title of at least three characters', () => {
    expect(checkSuggestion({ ...emptySuggestionDraft, title: 'ab' })).toEqual({
      ok: false,
      errors: { title: 'Write at least 3 characters' },
    });
  });

  it('should send a suggestion trimmed, with a task only when one is chosen', () => {
    expect(
      checkSuggestion({ title: ' Pre-fill it ', detail: ' From the receipt ', taskId: '' }),
    ).toEqual({
      ok: true,
      request: { title: 'Pre-fill it', detail: 'From the receipt' },
    });
    expect(checkSuggestion({ title: 'Pre-fill it', detail: '', taskId: 't1' })).toEqual({
      ok: true,
      request: { title: 'Pre-fill it', detail: '', taskId: 't1' },
    });
  });

  it('should start the status form from the suggestion as it is', () => {
    expect(statusDraftOf(improvement)).toEqual({
      status: 'pushed-to-vendor',
      vendor: 'Contoso AI',
      note: 'FR-88',
    });
  });

  it('should name the vendor when pushing to one, and a reason when declining', () => {
    expect(checkStatusChange({ status: 'pushed-to-vendor', vendor: ' ', note: '' })).toEqual({
      ok: false,
      errors: { vendor: 'Name the vendor it goes to' },
    });
    expect(checkStatusChange({ status: 'declined', vendor: '', note: '  ' })).toEqual({
      ok: false,
      errors: { note: 'Say why it is declined' },
    });
  });

  it('should send the vendor only with a push to the vendor', () => {
    expect(checkStatusChange({ status: 'planned', vendor: 'Contoso AI', note: '' })).toEqual({
      ok: true,
      request: { status: 'planned' },
    });
    expect(
      checkStatusChange({ status: 'pushed-to-vendor', vendor: ' Contoso AI ', note: 'FR-88' }),
    ).toEqual({
      ok: true,
      request: { status: 'pushed-to-vendor', vendor: 'Contoso AI', note: 'FR-88' },
    });
  });
});
