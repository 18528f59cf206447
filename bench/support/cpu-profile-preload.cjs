// Records a V8 CPU profile of one process and writes it when the process exits. Node 20
// rejects --cpu-prof in NODE_OPTIONS, but accepts `--require` of this file there.
// CPU_PROFILE_DIR names the output folder, and CPU_PROFILE_ENTRY the entry script to profile
// (default worker/main.ts). Other processes that inherit NODE_OPTIONS, such as the tsx launcher
// whose entry is tsx's command-line tool, load this file and record nothing.
'use strict';
const { writeFileSync } = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');

const directory = process.env.CPU_PROFILE_DIR;
const entry = process.argv[1] ?? '';
const profiledEntry = process.env.CPU_PROFILE_ENTRY || path.join('worker', 'main.ts');
if (directory && entry.endsWith(profiledEntry)) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  process.on('exit', () => {
    // A session connected to the main thread runs its callbacks synchronously, so the profile
    // is written before the process ends.
    session.post('Profiler.stop', (error, result) => {
      if (!error) {
        writeFileSync(path.join(directory, `${path.basename(entry, '.ts')}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
      }
    });
  });
}
