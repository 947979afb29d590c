// Debian's libxml2 is built with ICU; its UErrorCode clashes with Foundation's on a clean build.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>

/// xmlFree is a global function pointer, which Swift 6 calls unsafe; this wrapper is a plain function.
static inline void dossier_xml_free(void *pointer) { xmlFree(pointer); }
