#ifndef DOSSIER_CSPAWN_H
#define DOSSIER_CSPAWN_H

#include <sys/types.h>

/// Starts the program at `path` with `argv` and `envp` (both ending in NULL) by posix_spawn, its standard input,
/// output and error on the given descriptors (-1: the parent's own), every other descriptor closed in the child
/// at once (glibc's closefrom action: one close_range call, not one action per possible descriptor), and every
/// signal at its default disposition and unblocked. Returns 0 and sets `*pid`, or an errno value.
int dossier_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                  int stdin_fd, int stdout_fd, int stderr_fd);

/// A pipe whose two ends are close-on-exec and above the standard descriptors (so that placing them on 0, 1 and
/// 2 in a child never overwrites one another). Returns 0, or an errno value.
int dossier_pipe(int fds[2]);

#endif
