#define _GNU_SOURCE
#include "CSpawn.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

/// The child's side, between fork and exec: only async-signal-safe calls. Writes the errno of
/// a failure to `report` and ends.
static void start_child(int report, pid_t parent, const char *path, char *const argv[],
                        char *const envp[], int stderr_fd) {
    int failure = 0;
    int defaults[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGXFSZ};
    struct sigaction action = {0};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    for (unsigned i = 0; i < sizeof defaults / sizeof defaults[0]; i++) {
        sigaction(defaults[i], &action, NULL);
    }
#ifdef __linux__
    // Ended with SIGKILL when the thread that started it ends; if errorest already ended
    // before this line (its parent is then another process), it ends at once.
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) failure = errno;
    if (failure == 0 && getppid() != parent) _exit(127);
#else
    (void)parent;
#endif
    if (failure == 0 && setpgid(0, 0) != 0) failure = errno;
    int null = failure == 0 ? open("/dev/null", O_RDWR) : -1;
    if (failure == 0 && null < 0) failure = errno;
    if (failure == 0 && (dup2(null, 0) < 0 || dup2(null, 1) < 0)) failure = errno;
    // dup2 leaves a descriptor onto itself as it was: close-on-exec cleared by hand.
    if (failure == 0 && (stderr_fd == 2 ? fcntl(2, F_SETFD, 0) : dup2(stderr_fd, 2)) < 0) {
        failure = errno;
    }
    if (failure == 0) {
        if (null > 2) close(null);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        execve(path, argv, envp);
        failure = errno;
    }
    while (write(report, &failure, sizeof failure) < 0 && errno == EINTR) {
    }
    _exit(127);
}

int errorest_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                   int stderr_fd) {
    // The child reports a failure before exec through this pipe; exec closes it.
    int report[2];
    int failed = errorest_pipe(report);
    if (failed != 0) return failed;
    // No signal handler of errorest's may run in the child.
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    pid_t parent = getpid();
    pid_t child = fork();
    if (child == 0) {
        close(report[0]);
        start_child(report[1], parent, path, argv, envp, stderr_fd);
    }
    int forkError = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    close(report[1]);
    if (child < 0) {
        close(report[0]);
        return forkError;
    }
    int failure = 0;
    ssize_t n;
    while ((n = read(report[0], &failure, sizeof failure)) < 0 && errno == EINTR) {
    }
    close(report[0]);
    if (n == (ssize_t)sizeof failure) {
        int status;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
        }
        return failure;
    }
    *pid = child;
    return 0;
}

int errorest_pipe(int fds[2]) {
#ifdef __linux__
    return pipe2(fds, O_CLOEXEC) == 0 ? 0 : errno;
#else
    if (pipe(fds) != 0) return errno;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return 0;
#endif
}
