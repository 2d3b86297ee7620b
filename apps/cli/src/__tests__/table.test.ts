import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatTable } from '../table.js';

describe('formatTable', () => {
  it('aligns columns by display width: CJK and emoji take two columns, combining marks none', () => {
    const table = formatTable(
      [
        ['word', 'score'],
        ['東京', '0.9000'],
        ['café', '0.8000'],
        ['cafe\u0301', '0.7000'],
        ['🙂x', '0.6000'],
        ['paris', '0.5000'],
      ],
      ['left', 'right'],
    );
    const lines = table.split('\n');
    // Every score ends in the same terminal column.
    expect(new Set(lines.map((line) => stringWidth(line)))).toEqual(new Set([stringWidth('paris  0.5000')]));
    expect(lines[1]).toBe('東京   0.9000');
    expect(lines[3]).toBe('cafe\u0301   0.7000');
    expect(lines[4]).toBe('🙂x    0.6000');
  });

  it('right-aligns and leaves no trailing spaces', () => {
    expect(
      formatTable(
        [
          ['a', 'bb'],
          ['ccc', 'd'],
        ],
        ['right', 'left'],
      ),
    ).toBe('  a  bb\nccc  d');
  });
});
