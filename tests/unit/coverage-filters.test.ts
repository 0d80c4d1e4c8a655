import { describe, expect, it } from 'vitest';
import { applyView, filterCounts, pageOf, percentOf, type ViewQuery } from '../../lib/providers/docspace/coverage/filters';
import { PEOPLE, SUMMARY, person } from '../support/coverage-people';

const q = (over: Partial<ViewQuery> = {}): ViewQuery => ({ filter: 'all', search: '', sort: { key: 'name', dir: 'asc' }, ...over });
const names = (rows: { name: string }[]) => rows.map((p) => p.name);

describe('coverage filters', () => {
  it('each filter holds what its count says (the summary counts the same people)', () => {
    const counts = filterCounts(PEOPLE, 'app');
    expect(counts).toEqual({ all: 9, without: 3, mandatoryWithout: 2, adminsWithout: 1, sso: 1, active: 7, pending: 1, disabled: 1 });
    expect(counts.without).toBe(SUMMARY.without);
    expect(counts.mandatoryWithout).toBe(SUMMARY.mandatoryWithout);
    expect(counts.adminsWithout).toBe(SUMMARY.adminsWithout);
    expect(names(applyView(PEOPLE, q({ filter: 'adminsWithout' }), 'app', 'en'))).toEqual(['Boris Admin']);
    expect(names(applyView(PEOPLE, q({ filter: 'mandatoryWithout' }), 'app', 'en'))).toEqual(['Élodie Durand', 'Юлия Смирнова']);
  });

  it('SMS mode filters on the phone, not the app', () => {
    const people = [person(1, { hasApp: null, phoneActivated: false }), person(2, { hasApp: null, phoneActivated: true })];
    expect(names(applyView(people, q({ filter: 'without' }), 'sms', 'en'))).toEqual(['Person 1']);
    expect(applyView(people, q({ filter: 'without' }), 'app', 'en')).toEqual([]);
  });

  it('search: name or e-mail, any case, in the page language (Cyrillic, accents, Turkish i)', () => {
    expect(names(applyView(PEOPLE, q({ search: 'юлия' }), 'app', 'ru'))).toEqual(['Юлия Смирнова']);
    expect(names(applyView(PEOPLE, q({ search: 'ÉLODIE' }), 'app', 'en'))).toEqual(['Élodie Durand']);
    expect(names(applyView(PEOPLE, q({ search: '  BORIS@EXAMPLE ' }), 'app', 'en'))).toEqual(['Boris Admin']);
    expect(names(applyView([person(1, { name: 'İlker' })], q({ search: 'ilker' }), 'app', 'tr'))).toEqual(['İlker']);
  });

  it('sorts by a column both ways; ties fall back to the name, so the server order never shows', () => {
    const byRole = names(applyView(PEOPLE, q({ sort: { key: 'role', dir: 'asc' } }), 'app', 'en'));
    expect(byRole.slice(0, 3)).toEqual(['Olga Owner', 'Ada Admin', 'Boris Admin']);
    const byApp = applyView(PEOPLE, q({ sort: { key: 'covered', dir: 'desc' } }), 'app', 'en');
    expect(byApp.at(-1)!.hasApp).toBe(true);
    expect(names(applyView([...PEOPLE].reverse(), q(), 'app', 'en'))).toEqual(names(applyView(PEOPLE, q(), 'app', 'en')));
  });

  it('pages of 100, clamped', () => {
    const many = Array.from({ length: 250 }, (_, i) => i);
    expect(pageOf(many, 0).rows).toHaveLength(100);
    expect(pageOf(many, 2)).toMatchObject({ page: 2, pages: 3 });
    expect(pageOf(many, 2).rows).toHaveLength(50);
    expect(pageOf(many, 9).page).toBe(2);
    expect(pageOf([], 0)).toEqual({ rows: [], page: 0, pages: 1 });
  });

  it('percent from integers: none without people, never 0 % nor 100 % by rounding', () => {
    expect(percentOf(412, 500)).toBe(82);
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(1, 1000)).toBe(1);
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(0, 10)).toBe(0);
    expect(percentOf(10, 10)).toBe(100);
  });
});
