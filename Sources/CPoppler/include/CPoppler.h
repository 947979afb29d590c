/* CPoppler: the few poppler-glib, glib, gobject and cairo declarations Dossier uses, reached through a table of
 * function pointers that dp_poppler_load fills with dlopen/dlsym at the first PDF. Nothing here links those
 * libraries, so converting Markdown or HTML never maps poppler and its ~50 dependencies (start-up time).
 * Type layouts and enum values are copied from the public headers (poppler-glib 0.x-24.x, glib 2, cairo 1),
 * whose ABI is stable under the SONAMEs loaded (libpoppler-glib.so.8, libglib-2.0.so.0, libgobject-2.0.so.0,
 * libcairo.so.2). Call nothing below before dp_poppler_load has returned 0. */
#ifndef DOSSIER_CPOPPLER_H
#define DOSSIER_CPOPPLER_H

#include <stddef.h>
#include <stdint.h>

typedef char gchar;
typedef int gint;
typedef int gboolean;
typedef unsigned int guint;
typedef uint16_t guint16;
typedef uint32_t GQuark;
typedef double gdouble;
typedef size_t gsize;
typedef void *gpointer;
typedef const void *gconstpointer;

typedef struct _GBytes GBytes;
typedef struct _GDateTime GDateTime;
typedef struct _PopplerDocument PopplerDocument;
typedef struct _PopplerPage PopplerPage;
typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;

typedef struct _GError {
    GQuark domain;
    gint code;
    gchar *message;
} GError;

typedef struct _GList {
    gpointer data;
    struct _GList *next;
    struct _GList *prev;
} GList;

typedef struct _PopplerRectangle {
    gdouble x1;
    gdouble y1;
    gdouble x2;
    gdouble y2;
} PopplerRectangle;

typedef struct _PopplerColor {
    guint16 red;
    guint16 green;
    guint16 blue;
} PopplerColor;

typedef struct _PopplerTextAttributes {
    gchar *font_name;
    gdouble font_size;
    gboolean is_underlined;
    PopplerColor color;
    gint start_index;
    gint end_index;
} PopplerTextAttributes;

typedef enum {
    POPPLER_ACTION_UNKNOWN,
    POPPLER_ACTION_NONE,
    POPPLER_ACTION_GOTO_DEST,
    POPPLER_ACTION_GOTO_REMOTE,
    POPPLER_ACTION_LAUNCH,
    POPPLER_ACTION_URI,
} PopplerActionType;

typedef struct _PopplerActionUri {
    PopplerActionType type;
    gchar *title;
    char *uri;
} PopplerActionUri;

/* Only the members Dossier reads; the real union has more, and is only ever reached through a pointer. */
typedef union _PopplerAction {
    PopplerActionType type;
    PopplerActionUri uri;
} PopplerAction;

typedef struct _PopplerLinkMapping {
    PopplerRectangle area;
    PopplerAction *action;
} PopplerLinkMapping;

typedef enum {
    POPPLER_ERROR_INVALID,
    POPPLER_ERROR_ENCRYPTED,
} PopplerError;

typedef enum { CAIRO_FORMAT_INVALID = -1, CAIRO_FORMAT_ARGB32 = 0, CAIRO_FORMAT_RGB24 = 1 } cairo_format_t;
typedef enum { CAIRO_STATUS_SUCCESS = 0, CAIRO_STATUS_WRITE_ERROR = 11 } cairo_status_t;
typedef enum { CAIRO_FONT_SLANT_NORMAL = 0 } cairo_font_slant_t;
typedef enum { CAIRO_FONT_WEIGHT_NORMAL = 0, CAIRO_FONT_WEIGHT_BOLD = 1 } cairo_font_weight_t;
typedef cairo_status_t (*cairo_write_func_t)(void *closure, const unsigned char *data, unsigned int length);

/* X(library, return type, name, parameters, argument names): every function Dossier calls. Library 0 is
 * poppler-glib, 1 glib, 2 gobject, 3 cairo (the order of dp_poppler_load's names). */
#define DP_POPPLER_FUNCTIONS(X) \
    X(0, PopplerDocument *, poppler_document_new_from_bytes, (GBytes *bytes, const char *password, GError **error), (bytes, password, error)) \
    X(0, int, poppler_document_get_n_pages, (PopplerDocument *document), (document)) \
    X(0, PopplerPage *, poppler_document_get_page, (PopplerDocument *document, int index), (document, index)) \
    X(0, gchar *, poppler_document_get_title, (PopplerDocument *document), (document)) \
    X(0, gchar *, poppler_document_get_author, (PopplerDocument *document), (document)) \
    X(0, gchar *, poppler_document_get_subject, (PopplerDocument *document), (document)) \
    X(0, gchar *, poppler_document_get_keywords, (PopplerDocument *document), (document)) \
    X(0, gchar *, poppler_document_get_creator, (PopplerDocument *document), (document)) \
    X(0, gchar *, poppler_document_get_producer, (PopplerDocument *document), (document)) \
    X(0, GDateTime *, poppler_document_get_creation_date_time, (PopplerDocument *document), (document)) \
    X(0, GDateTime *, poppler_document_get_modification_date_time, (PopplerDocument *document), (document)) \
    X(0, void, poppler_page_get_size, (PopplerPage *page, double *width, double *height), (page, width, height)) \
    X(0, char *, poppler_page_get_text, (PopplerPage *page), (page)) \
    X(0, gboolean, poppler_page_get_text_layout, (PopplerPage *page, PopplerRectangle **rectangles, guint *count), (page, rectangles, count)) \
    X(0, GList *, poppler_page_get_text_attributes, (PopplerPage *page), (page)) \
    X(0, void, poppler_page_free_text_attributes, (GList *list), (list)) \
    X(0, GList *, poppler_page_get_link_mapping, (PopplerPage *page), (page)) \
    X(0, void, poppler_page_free_link_mapping, (GList *list), (list)) \
    X(0, void, poppler_page_render, (PopplerPage *page, cairo_t *cairo), (page, cairo)) \
    X(0, GQuark, poppler_error_quark, (void), ()) \
    X(1, GBytes *, g_bytes_new, (gconstpointer data, gsize size), (data, size)) \
    X(1, void, g_bytes_unref, (GBytes *bytes), (bytes)) \
    X(1, void, g_free, (gpointer memory), (memory)) \
    X(1, void, g_error_free, (GError *error), (error)) \
    X(1, gchar *, g_date_time_format_iso8601, (GDateTime *date), (date)) \
    X(1, void, g_date_time_unref, (GDateTime *date), (date)) \
    X(2, void, g_object_unref, (gpointer object), (object)) \
    X(3, cairo_surface_t *, cairo_image_surface_create, (cairo_format_t format, int width, int height), (format, width, height)) \
    X(3, void, cairo_surface_destroy, (cairo_surface_t *surface), (surface)) \
    X(3, cairo_t *, cairo_create, (cairo_surface_t *target), (target)) \
    X(3, void, cairo_destroy, (cairo_t *cairo), (cairo)) \
    X(3, void, cairo_set_source_rgb, (cairo_t *cairo, double red, double green, double blue), (cairo, red, green, blue)) \
    X(3, void, cairo_set_source_rgba, (cairo_t *cairo, double red, double green, double blue, double alpha), (cairo, red, green, blue, alpha)) \
    X(3, void, cairo_paint, (cairo_t *cairo), (cairo)) \
    X(3, void, cairo_scale, (cairo_t *cairo, double sx, double sy), (cairo, sx, sy)) \
    X(3, void, cairo_set_line_width, (cairo_t *cairo, double width), (cairo, width)) \
    X(3, void, cairo_rectangle, (cairo_t *cairo, double x, double y, double width, double height), (cairo, x, y, width, height)) \
    X(3, void, cairo_stroke, (cairo_t *cairo), (cairo)) \
    X(3, void, cairo_select_font_face, (cairo_t *cairo, const char *family, cairo_font_slant_t slant, cairo_font_weight_t weight), (cairo, family, slant, weight)) \
    X(3, void, cairo_set_font_size, (cairo_t *cairo, double size), (cairo, size)) \
    X(3, void, cairo_move_to, (cairo_t *cairo, double x, double y), (cairo, x, y)) \
    X(3, void, cairo_show_text, (cairo_t *cairo, const char *text), (cairo, text)) \
    X(3, void, cairo_surface_flush, (cairo_surface_t *surface), (surface)) \
    X(3, cairo_status_t, cairo_surface_write_to_png_stream, (cairo_surface_t *surface, cairo_write_func_t write, void *closure), (surface, write, closure))

/* The loaded functions, one typed pointer each. */
#define DP_POPPLER_FIELD(library, result, name, parameters, arguments) result (*name) parameters;
struct dp_poppler_table {
    DP_POPPLER_FUNCTIONS(DP_POPPLER_FIELD)
};
#undef DP_POPPLER_FIELD

extern struct dp_poppler_table dp_poppler;

/* Opens the four libraries by these names and resolves every function; 0 on success (the first success fills the
 * table; later ones leave it), else -1 with a one-line reason in `message` and the table untouched.
 * Not thread-safe: call dp_poppler_ensure instead, except in a test of the failure path. */
int dp_poppler_load(const char *poppler_glib, const char *glib, const char *gobject, const char *cairo,
                    char *message, size_t capacity);

/* Loads the installed libraries once per process (thread-safe); NULL when the table is ready, else why not
 * (e.g. "libpoppler-glib.so.8 not found"), the same answer on every call. Call before any function below. */
const char *dp_poppler_ensure(void);

/* The same names as the C API, so the Swift call sites read as before; static, so no symbol of the executable
 * can interpose on poppler's own calls. */
#define DP_POPPLER_WRAPPER(library, result, name, parameters, arguments) \
    static inline result name parameters { return dp_poppler.name arguments; }
DP_POPPLER_FUNCTIONS(DP_POPPLER_WRAPPER)
#undef DP_POPPLER_WRAPPER

#endif
