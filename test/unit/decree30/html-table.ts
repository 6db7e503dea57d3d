/** Reads the tables of mammoth's HTML back into rows of cell texts, for comparing with a plan. */

function decode(text: string): string {
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every `<table>` of the HTML, each as rows of cell texts (tags stripped, spaces collapsed). */
export function htmlTables(html: string): string[][][] {
  const tables = html.match(/<table>[\s\S]*?<\/table>/g) ?? [];
  return tables.map((table) =>
    (table.match(/<tr>[\s\S]*?<\/tr>/g) ?? []).map((row) =>
      (row.match(/<t[dh][^>]*>[\s\S]*?<\/t[dh]>/g) ?? []).map(decode)));
}
