// A progress bar on stderr for long CLI work (backups, restores). Drawn only on a terminal and
// at most every 100 ms; in scripts and logs (no TTY) it stays silent, so stdout and stderr
// carry only results and errors.
const WIDTH = 30;

export function progressBar(unit: string, stream: NodeJS.WriteStream = process.stderr): { update: (done: number, total: number) => void; done: () => void } {
  let last = 0;
  let drawn = false;
  const draw = (done: number, total: number) => {
    const share = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(share * WIDTH);
    stream.write(`\r[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} ${unit}`);
    drawn = true;
  };
  return {
    update(done, total) {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done, total);
    },
    done() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}
