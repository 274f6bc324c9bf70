import { parseJsonTable, unixTimeText } from '../../../src/core/tables/json';
import { errorOf } from '../helpers';

describe('JSON exports read as a table', () => {
  test('an array of records: fields in order of first appearance, nested fields dotted, null blank', () => {
    const text = JSON.stringify([
      { id: '1', score: 9, comment: null, person_properties: { 'Order ID': '#1' } },
      { id: '2', score: 3, comment: 'Late', extra: true },
    ]);
    expect(parseJsonTable(text)).toEqual([
      ['id', 'score', 'comment', 'person_properties.Order ID', 'extra'],
      ['1', '9', '', '#1', ''],
      ['2', '3', 'Late', '', 'true'],
    ]);
  });
  test('the one list an object holds ({"reviews": [...]}), and a single record', () => {
    expect(parseJsonTable('{"reviews":[{"starRating":"FOUR","reviewReply":{"comment":"Thanks"}}]}')).toEqual([
      ['starRating', 'reviewReply.comment'],
      ['FOUR', 'Thanks'],
    ]);
    expect(parseJsonTable('{"starRating":"TWO"}')).toEqual([['starRating'], ['TWO']]);
  });
  test('arrays: plain values joined, records kept as JSON text', () => {
    expect(parseJsonTable('[{"tags":["a","b"],"notes":[{"text":"x"}]}]')).toEqual([
      ['tags', 'notes'],
      ['a; b', '[{"text":"x"}]'],
    ]);
  });
  test('Unix seconds and milliseconds in time-named fields become UTC text; other numbers stay numbers', () => {
    expect(unixTimeText('created_at', 1730418060)).toBe('2024-10-31 23:41:00');
    expect(unixTimeText('updatedAt', 1730419205000)).toBe('2024-11-01 00:00:05');
    expect(unixTimeText('score', 1730418060)).toBeUndefined();
    expect(unixTimeText('created_at', 12)).toBeUndefined();
    expect(parseJsonTable('[{"created_at":1730418060,"person":"51000"}]')[1]).toEqual(['2024-10-31 23:41:00', '51000']);
  });
  test('clear refusals', () => {
    expect(errorOf(() => parseJsonTable('{not json')).message).toMatch(/^the file is not valid JSON/);
    expect(errorOf(() => parseJsonTable('[1, 2]')).message).toMatch(/^the JSON holds no list of records/);
  });
});
