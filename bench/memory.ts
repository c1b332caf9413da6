import { readFileSync, readdirSync } from "node:fs";

/** Resident memory of the bench's processes, from /proc (Linux). */

/** The process and all its descendants (npx → next start → next-server), from /proc. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the name (field 2) may hold spaces, so read after its ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [root];
  for (let index = 0; index < tree.length; index++) tree.push(...(children.get(tree[index]!) ?? []));
  return tree;
}

/** VmRSS and VmHWM of one process, in bytes; zeros once it has ended. */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kilobytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;
    return { rss: kilobytes("VmRSS"), hwm: kilobytes("VmHWM") };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

export const treeRss = (root: number) => processTree(root).reduce((sum, pid) => sum + memoryOf(pid).rss, 0);

/** CPU time (user + system) of one process, in milliseconds; 0 once it has ended. */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name; in clock ticks (100 per second).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

export const treeCpuMs = (root: number) => processTree(root).reduce((sum, pid) => sum + cpuMsOf(pid), 0);

/** CPU time of the PostgreSQL backends serving `database` (their process title names it), in milliseconds. */
export function postgresCpuMs(database: string): Map<number, number> {
  const backends = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (title.startsWith("postgres: ") && title.includes(` ${database} `)) backends.set(Number(entry), cpuMsOf(Number(entry)));
    } catch {
      // ended meanwhile
    }
  }
  return backends;
}

/** CPU time of the machine's Redis server (every `redis-server` process), in milliseconds: the queues' work lands there. */
export function redisCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "redis-server") total += cpuMsOf(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return total;
}
