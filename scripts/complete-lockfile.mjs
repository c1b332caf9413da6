// The npm registry reachable here serves only this platform's prebuilt binaries (a macOS or
// Windows build of SWC, Next or Tailwind's oxide answers 404), so `npm install` writes a lock
// without them and `npm ci` then refuses it as out of sync. This adds the missing optional
// platform packages by name and version; npm ci skips the ones that are not for this machine,
// and a machine of another platform fetches its own. Run after every `npm install`:
//   npm run lockfile:complete
import { readFileSync, writeFileSync } from "node:fs";
const file = process.argv[2];
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;
let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const nested = `${path}/node_modules/${name}`;
    if (packages[key] || packages[nested]) continue;
    packages[key] = { version: range.replace(/^[\^~]/, ""), optional: true };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`added ${added}`);
