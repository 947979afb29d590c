/* dp_poppler_load: dlopen poppler-glib and the three libraries Dossier calls directly, at the first PDF only. */
#include "CPoppler.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct dp_poppler_table dp_poppler;
static int dp_poppler_loaded;

int dp_poppler_load(const char *poppler_glib, const char *glib, const char *gobject, const char *cairo,
                    char *message, size_t capacity) {
    const char *names[4] = {poppler_glib, glib, gobject, cairo};
    void *libraries[4];
    for (int i = 0; i < 4; i++) {
        libraries[i] = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (!libraries[i]) {
            snprintf(message, capacity, "%s not found", names[i]);
            return -1;
        }
    }
    struct dp_poppler_table table;
    void *symbol;
#define DP_POPPLER_RESOLVE(library, result, name, parameters, arguments) \
    symbol = dlsym(libraries[library], #name); \
    if (!symbol) { \
        snprintf(message, capacity, "%s has no %s", names[library], #name); \
        return -1; \
    } \
    memcpy(&table.name, &symbol, sizeof symbol);
    DP_POPPLER_FUNCTIONS(DP_POPPLER_RESOLVE)
#undef DP_POPPLER_RESOLVE
    if (!dp_poppler_loaded) {
        dp_poppler = table;
        dp_poppler_loaded = 1;
    }
    return 0;
}

#if defined(__APPLE__)
#define DP_NAMES "libpoppler-glib.8.dylib", "libglib-2.0.0.dylib", "libgobject-2.0.0.dylib", "libcairo.2.dylib"
#else
#define DP_NAMES "libpoppler-glib.so.8", "libglib-2.0.so.0", "libgobject-2.0.so.0", "libcairo.so.2"
#endif

static pthread_once_t dp_poppler_once = PTHREAD_ONCE_INIT;
static char dp_poppler_failure[256];
static int dp_poppler_failed;

/* The pthread_once body of dp_poppler_ensure. */
static void dp_poppler_load_installed(void) {
    dp_poppler_failed = dp_poppler_load(DP_NAMES, dp_poppler_failure, sizeof dp_poppler_failure) != 0;
}

const char *dp_poppler_ensure(void) {
    pthread_once(&dp_poppler_once, dp_poppler_load_installed);
    return dp_poppler_failed ? dp_poppler_failure : NULL;
}
