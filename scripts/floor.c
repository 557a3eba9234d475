/* The floor for scripts/tui-bench.py: the least a full-screen terminal program can do.
 * Puts the terminal in raw mode, draws one screen of text whose last row says "quit",
 * then sleeps in read(2) and answers each key with a one-row redraw; `q` ends it.
 * No timer, no threads, libc only: what it measures is the machine, the pty and the harness.
 *
 *   cc -O2 -o floor scripts/floor.c
 */
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

int main(void) {
    struct termios saved, raw;
    int tty = tcgetattr(0, &saved) == 0;
    if (tty) {
        raw = saved;
        cfmakeraw(&raw);
        tcsetattr(0, TCSANOW, &raw);
    }
    char frame[8192];
    int n = snprintf(frame, sizeof frame, "\x1b[?1049h\x1b[H\x1b[2J");
    for (int row = 1; row < 40 && n < (int)sizeof frame - 200; row++)
        n += snprintf(frame + n, sizeof frame - n, "\x1b[%d;1Hrow %d of the floor's frame", row, row);
    n += snprintf(frame + n, sizeof frame - n, "\x1b[40;1H q quit");
    if (write(1, frame, n) < 0)
        return 1;
    char key;
    while (read(0, &key, 1) == 1 && key != 'q') {
        char line[64];
        int m = snprintf(line, sizeof line, "\x1b[1;1H\x1b[2Kkey %c\x1b[40;1H q quit", key);
        if (write(1, line, m) < 0)
            break;
    }
    if (write(1, "\x1b[?1049l", 8) < 0)
        return 1;
    if (tty)
        tcsetattr(0, TCSANOW, &saved);
    return 0;
}
