#ifndef ERROREST_CSPAWN_H
#define ERROREST_CSPAWN_H

#include <sys/types.h>

/// Starts the program at `path` with `argv` and `envp` (NULL-terminated), as errorest runs
/// ffmpeg and ffprobe: standard input and output /dev/null, standard error `stderr_fd`, in a
/// process group of its own, no signal blocked, SIGINT, SIGTERM, SIGHUP, SIGPIPE and SIGXFSZ at
/// their default action, and -- on Linux -- a parent-death signal: SIGKILL as soon as the thread
/// that started it ends, however it ends (a SIGKILL of errorest included). The calling thread
/// must therefore wait for the program (`waitpid`) before it ends.
///
/// Returns 0 and the program's id in `pid`, or the `errno` of what failed (the program not
/// found or not executable included: the program has then ended).
int errorest_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                   int stderr_fd);

/// A pipe whose two ends are close-on-exec from the start, so that a program another thread
/// starts meanwhile cannot hold either. Returns 0 or the `errno`.
int errorest_pipe(int fds[2]);

#endif
