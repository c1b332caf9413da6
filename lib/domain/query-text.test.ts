import { expect, test } from "vitest";
import { parameterWithControlCharacter } from "./query-text";

const from = (query: string) => [...new URLSearchParams(query)];

test.each<[string, string, string | null]>([
  ["nothing", "", null],
  ["ordinary text, accents, quotes and spaces", "q=poste%20%C2%AB%205%20%C2%BB&room=E12%20%C3%89lectronique", null],
  ["a NUL in a value", "q=abc%00def", "q"],
  ["a NUL alone", "zone=%00", "zone"],
  ["the first offending parameter is named", "establishment=0370037P&building=A%01&room=%00", "building"],
  ["a tab", "q=a%09b", "q"],
  ["a line feed", "room=a%0Ab", "room"],
  ["DEL", "service=RES%7F", "service"],
  ["a C1 control (NEL, U+0085)", "q=a%C2%85b", "q"],
  ["a non-breaking space is text", "q=a%C2%A0b", null],
  ["emoji and other scripts are text", "q=%F0%9F%96%A8%EF%B8%8F%20%E6%89%93%E5%8D%B0", null],
  ["a control character in the name, shown escaped", "q%00x=1", "q\\u0000x"],
])("%s", (_case, query, expected) => {
  expect(parameterWithControlCharacter(from(query))).toBe(expected);
});
