import { expect, test } from "vitest";
import { renderMarkdown } from "./markdown";

test.each([
  ["# Titre\n\n**gras**", "<h1>Titre</h1>\n<p><strong>gras</strong></p>\n"],
  ["<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"],
  ['<img src=x onerror="alert(1)">', "<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>\n"],
  ["[clic](javascript:alert(1))", "<p>[clic](javascript:alert(1))</p>\n"],
  ["[clic](JAVASCRIPT:alert(1))", "<p>[clic](JAVASCRIPT:alert(1))</p>\n"],
  ["![x](data:image/png;base64,AAAA)", "<p>![x](data:image/png;base64,AAAA)</p>\n"],
  ["[aide](/aide/wifi)", '<p><a href="/aide/wifi">aide</a></p>\n'],
  ["[site](https://example.org)", '<p><a href="https://example.org" rel="noopener noreferrer nofollow">site</a></p>\n'],
  ["![capture](/api/v1/attachments/1)", '<p><img src="/api/v1/attachments/1" alt="capture" /></p>\n'],
])("%j renders %j", (source, html) => {
  expect(renderMarkdown(source)).toBe(html);
});
