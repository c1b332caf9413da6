import { expect, test } from "vitest";
import { filesFromForm } from "./attachments";

test("an input left empty posts nothing, however the server decoded its nameless part", async () => {
  const form = new FormData();
  for (const name of ["", "undefined", "blob"]) form.append("attachments", new File([], name));
  form.append("attachments", new File([], "vide.txt"));
  form.append("attachments", new File(["bonjour"], "note.txt"));
  expect((await filesFromForm(form)).map((file) => [file.name, file.bytes.length])).toEqual([
    ["vide.txt", 0],
    ["note.txt", 7],
  ]);
});
