import { describe, expect, it } from 'vitest';
import {
  decodeHtmlEntities,
  escapeHtml,
  htmlToPlainText,
  neutraliseMarkdown,
  oneLine,
  tidyLines,
  titleFromMessage,
} from './plain-text.js';

describe('neutraliseMarkdown', () => {
  it('should escape emphasis, links, code, headings and strikethrough', () => {
    expect(neutraliseMarkdown('**bold** _it_ [x](https://e.example) `code` # h ~~s~~')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\[x\\](https://e.example) \\`code\\` \\# h \\~\\~s\\~\\~',
    );
  });

  it('should escape list and quote markers only where they start a line', () => {
    expect(neutraliseMarkdown('- one\n  + two\n> quote\n12. twelve\na - b 3. c')).toBe(
      '\\- one\n  \\+ two\n\\> quote\n12\\. twelve\na - b 3. c',
    );
  });

  it('should escape an existing backslash so it cannot cancel an escape', () => {
    expect(neutraliseMarkdown('a\\*b')).toBe('a\\\\\\*b');
  });

  it('should leave plain words, placeholders and punctuation alone', () => {
    const text = 'Summarise {{notes}} for the partner, in five points.';
    expect(neutraliseMarkdown(text)).toBe(text);
  });
});

describe('escapeHtml', () => {
  it('should escape the characters that start markup', () => {
    expect(escapeHtml('<b>Q&A</b>')).toBe('&lt;b&gt;Q&amp;A&lt;/b&gt;');
  });
});

describe('oneLine', () => {
  it('should collapse whitespace and keep short text whole', () => {
    expect(oneLine('  a\n\n b\tc ', 20)).toBe('a b c');
  });

  it('should cut long text at a word with an ellipsis within the limit', () => {
    const line = oneLine('Write a proposal outline for the client meeting next week', 30);
    expect(line).toBe('Write a proposal outline for…');
    expect(line.length).toBeLessThanOrEqual(30);
  });

  it('should cut a single long word when there is no space to cut at', () => {
    expect(oneLine('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('decodeHtmlEntities', () => {
  it('should decode named, decimal and hexadecimal references', () => {
    expect(decodeHtmlEntities('a&amp;b &lt;&gt; &quot;q&quot; &#39;s&#x27; &nbsp;&hellip;')).toBe(
      'a&b <> "q" \'s\'  …',
    );
  });

  it('should leave unknown or impossible references as written', () => {
    expect(decodeHtmlEntities('&bogus; &#0; &#x110000;')).toBe('&bogus; &#0; &#x110000;');
  });
});

describe('htmlToPlainText', () => {
  it('should turn a Teams message into its plain text with paragraphs and line breaks', () => {
    const html =
      '<div><p>Draft a <strong>proposal</strong> for {{client}}:</p><p>Use&nbsp;three parts<br>and a budget</p><ul><li>scope</li><li>price</li></ul></div>';
    expect(htmlToPlainText(html)).toBe(
      'Draft a proposal for {{client}}:\nUse three parts\nand a budget\n- scope\n- price',
    );
  });

  it('should drop scripts and styles with their content and keep mention names', () => {
    expect(
      htmlToPlainText('<style>p{}</style><p>Hi <at id="0">Ada</at></p><script>alert(1)</script>'),
    ).toBe('Hi Ada');
  });

  it('should decode entities after removing tags, so escaped markup stays text', () => {
    expect(htmlToPlainText('<p>&lt;b&gt;not bold&lt;/b&gt; &amp; more</p>')).toBe(
      '<b>not bold</b> & more',
    );
  });
});

describe('tidyLines', () => {
  it('should trim lines and keep at most one blank line between paragraphs', () => {
    expect(tidyLines('  a  \r\n\r\n\r\n\n b \t c\n\n')).toBe('a\n\nb c');
  });
});

describe('titleFromMessage', () => {
  it('should take a short first line as it is, without a trailing colon', () => {
    expect(titleFromMessage('\n  Weekly status email:\nThe rest of the prompt')).toBe(
      'Weekly status email',
    );
  });

  it('should take the first eight words of a long first line', () => {
    expect(
      titleFromMessage('You are a consultant preparing a proposal for a new client in retail.'),
    ).toBe('You are a consultant preparing a proposal for');
  });

  it('should return an empty title for an empty message', () => {
    expect(titleFromMessage(' \n \n')).toBe('');
  });

  it('should keep a title within 120 characters when the words are long', () => {
    expect(titleFromMessage('a'.repeat(300)).length).toBeLessThanOrEqual(120);
  });
});
