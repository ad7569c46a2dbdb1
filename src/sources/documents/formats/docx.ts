// A Word document (.docx, Office Open XML) → text: one line per paragraph, one line per table
// row (cells separated by a tab; a metadata row gives `label:value` lines, as on web pages).
// mammoth reads the document (body text, tables, lists; no headers, footers or text boxes) and
// writes it as simple HTML, which the HTML reader turns into lines. Empty paragraphs become
// blank lines. Numbering that Word generates (an automatic list) is not part of the text and is
// lost: mammoth writes such paragraphs as list items without their numbers.
import mammoth from 'mammoth';
import { fragmentToText } from './html';
import { UnreadableFile } from './unreadable';

export async function readDocx(bytes: Uint8Array): Promise<{ text: string; messages: string[] }> {
  let result: { value: string; messages: Array<{ type: string; message: string }> };
  try {
    result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: false, includeDefaultStyleMap: true });
  } catch (e) {
    throw new UnreadableFile(
      `the .docx file cannot be read (${(e as Error).message.split('\n')[0]})`,
      'expected a Word document saved as .docx (Office Open XML)',
    );
  }
  return { text: fragmentToText(result.value), messages: result.messages.map((m) => `${m.type}: ${m.message}`) };
}
