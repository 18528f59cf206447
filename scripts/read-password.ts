/** Raised when no password could be read: empty input, two entries that differ, or Ctrl+C. */
export class PasswordInputError extends Error {
  override name = 'PasswordInputError';
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACE = ['\u007f', '\b'];

/** Reads one line from a terminal with echo off, as `sudo` and `ssh` do. */
function readHiddenLine(input: NodeJS.ReadStream, prompt: string): Promise<string> {
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let line = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) {
        reject(error);
      } else {
        resolve(line);
      }
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n' || character === CTRL_D) {
          finish();
          return;
        }
        if (character === CTRL_C) {
          finish(new PasswordInputError('Cancelled; the password was not changed.'));
          return;
        }
        if (BACKSPACE.includes(character)) {
          line = [...line].slice(0, -1).join('');
        } else if (character >= ' ') {
          line += character;
        }
      }
    };
    input.on('data', onData);
  });
}

/** Reads standard input to its end and returns its first line, without the line break. */
async function readFirstLine(input: NodeJS.ReadStream): Promise<string> {
  let text = '';
  input.setEncoding('utf8');
  for await (const chunk of input) {
    text += chunk as string;
  }
  return text.split(/\r?\n/)[0];
}

/**
 * Reads a new password from standard input, never from the command line, where other users could
 * see it in the process list. A terminal is asked twice with echo off; piped input gives its first
 * line. Throws PasswordInputError for an empty password or two entries that differ.
 */
export async function readNewPassword(input: NodeJS.ReadStream = process.stdin): Promise<string> {
  let password: string;
  if (input.isTTY) {
    password = await readHiddenLine(input, 'New password: ');
    const repeated = await readHiddenLine(input, 'Repeat the new password: ');
    if (repeated !== password) {
      throw new PasswordInputError('The two passwords differ; nothing was changed.');
    }
  } else {
    password = await readFirstLine(input);
  }
  if (password === '') {
    throw new PasswordInputError('No password was given on standard input; type it at the prompt or pipe it in, for example from a password manager.');
  }
  return password;
}
