// Loaded with `node --require` into code-server and npm start's emulator: when the process that
// started it dies without stopping it (SIGKILL, a crash), its parent pid changes, and this ends the
// process: the whole process group when it leads one (code-server, started detached, with its
// extension host and helpers), else just itself. So no server outlives a test run or `npm start`.
// Only the top process acts: code-server's own children inherit the flag but have another parent.
const expectedParent = Number(process.env.AZURE_VM_BACKUP_WATCHDOG_PARENT);
if (expectedParent && process.ppid === expectedParent) {
  setInterval(() => {
    if (process.ppid === expectedParent) return;
    try {
      process.kill(-process.pid, 'SIGKILL');
    } catch {
      process.exit(1); // not a group leader
    }
  }, 1000).unref();
}
