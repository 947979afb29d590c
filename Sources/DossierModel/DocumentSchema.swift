/// The JSON Schema of the document model (draft 2020-12), printed by `dossier schema`.
///
/// `schema/dossier.schema.json` in the repository is the same text; a test keeps the two equal.
public enum DocumentSchema {
    public static let json = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dossier.invalid/schema/dossier-1.json",
  "title": "Dossier document or applicant record",
  "description": "One applicant document as Dossier models it (the source's blocks with provenance, the profile that stages fill, and diagnostics), or one applicant record (\"kind\": \"applicant\") that merges an applicant's documents. Version 1 of the JSON contract.",
  "oneOf": [{"$ref": "#/$defs/document"}, {"$ref": "#/$defs/applicant"}],
  "$defs": {
    "document": {
      "type": "object",
      "required": ["dossier", "source", "metadata", "blocks", "profile", "diagnostics"],
      "additionalProperties": false,
      "properties": {
        "dossier": {"const": "1"},
        "source": {
          "type": "object",
          "required": ["path", "format", "bytes", "sha256"],
          "additionalProperties": false,
          "properties": {
            "path": {"type": "string"},
            "format": {"enum": ["markdown", "html", "pdf"]},
            "bytes": {"type": "integer", "minimum": 0},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "pages": {"type": "integer", "minimum": 0}
          }
        },
        "metadata": {
          "type": "object",
          "description": "Front matter, HTML <meta> and JSON-LD, PDF info: as found. title, author and date are strings when present.",
          "properties": {
            "title": {"type": "string"},
            "author": {"type": ["string", "array", "object"]},
            "date": {"type": ["string", "integer"]}
          }
        },
        "blocks": {"type": "array", "items": {"$ref": "#/$defs/block"}},
        "profile": {"$ref": "#/$defs/profile"},
        "diagnostics": {"type": "array", "items": {"$ref": "#/$defs/diagnostic"}}
      }
    },
    "applicant": {
      "type": "object",
      "description": "One applicant's documents merged: the person (conflicts in diagnostics), every document's sections and entries, referees once each, publications deduplicated across documents with their sources.",
      "required": ["dossier", "kind", "key", "documents", "person", "sections", "entries", "publications", "referees", "diagnostics"],
      "additionalProperties": false,
      "properties": {
        "dossier": {"const": "1"},
        "kind": {"const": "applicant"},
        "key": {"type": "string"},
        "documents": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["source", "publications"],
            "additionalProperties": false,
            "properties": {
              "source": {"$ref": "#/$defs/document/properties/source"},
              "documentKind": {"type": "string"},
              "publications": {"type": "integer", "minimum": 0}
            }
          }
        },
        "person": {"$ref": "#/$defs/profile/properties/person"},
        "sections": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["document", "kind", "title", "blocks"],
            "additionalProperties": false,
            "properties": {
              "document": {"type": "integer", "minimum": 0},
              "kind": {"$ref": "#/$defs/sectionKind"},
              "title": {"type": "string"},
              "blocks": {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2},
              "subkind": {"type": "string"}
            }
          }
        },
        "entries": {
          "type": "array",
          "items": {
            "allOf": [{"$ref": "#/$defs/profile/properties/entries/items"}],
            "required": ["document"]
          }
        },
        "publications": {
          "type": "array",
          "items": {
            "allOf": [{"$ref": "#/$defs/publication"}],
            "required": ["sources", "fieldSources"]
          }
        },
        "referees": {
          "type": "array",
          "items": {
            "allOf": [{"$ref": "#/$defs/profile/properties/referees/items"}],
            "required": ["documents"]
          }
        },
        "diagnostics": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/diagnostic"
          }
        }
      }
    },
    "provenance": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "lines": {"type": "array", "items": {"type": "integer", "minimum": 1}, "minItems": 2, "maxItems": 2},
        "page": {"type": "integer", "minimum": 1},
        "bbox": {"type": "array", "items": {"type": "number"}, "minItems": 4, "maxItems": 4}
      },
      "anyOf": [{"required": ["lines"]}, {"required": ["page", "bbox"]}]
    },
    "font": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "name": {"type": "string"},
        "size": {"type": "number", "exclusiveMinimum": 0},
        "bold": {"type": "boolean"},
        "italic": {"type": "boolean"},
        "color": {"type": "string", "pattern": "^#[0-9a-f]{6}$"}
      }
    },
    "inline": {
      "type": "object",
      "required": ["type", "text"],
      "additionalProperties": false,
      "properties": {
        "type": {"enum": ["text", "emphasis", "strong", "strikethrough", "underline", "superscript", "subscript", "code", "link", "softbreak", "linebreak", "html"]},
        "text": {"type": "string"},
        "url": {"type": "string"},
        "raw": {"type": "string"},
        "children": {"type": "array", "items": {"$ref": "#/$defs/inline"}}
      }
    },
    "block": {
      "type": "object",
      "required": ["type", "text", "provenance"],
      "additionalProperties": false,
      "properties": {
        "type": {"enum": ["heading", "paragraph", "list", "item", "table", "row", "cell", "quote", "code", "rule"]},
        "text": {"type": "string"},
        "level": {"type": "integer", "minimum": 1, "maximum": 6},
        "ordered": {"type": "boolean"},
        "start": {"type": "integer"},
        "marker": {"type": "string"},
        "info": {"type": "string"},
        "header": {"type": "boolean"},
        "inlines": {"type": "array", "items": {"$ref": "#/$defs/inline"}},
        "items": {"type": "array", "items": {"$ref": "#/$defs/block"}},
        "blocks": {"type": "array", "items": {"$ref": "#/$defs/block"}},
        "rows": {"type": "array", "items": {"$ref": "#/$defs/block"}},
        "cells": {"type": "array", "items": {"$ref": "#/$defs/block"}},
        "provenance": {"$ref": "#/$defs/provenance"},
        "font": {"$ref": "#/$defs/font"}
      },
      "allOf": [
        {"if": {"properties": {"type": {"const": "heading"}}}, "then": {"required": ["level"]}},
        {"if": {"properties": {"type": {"const": "list"}}}, "then": {"required": ["items"], "properties": {"items": {"items": {"properties": {"type": {"const": "item"}}}}}}},
        {"if": {"properties": {"type": {"const": "table"}}}, "then": {"required": ["rows"], "properties": {"rows": {"items": {"properties": {"type": {"const": "row"}}}}}}},
        {"if": {"properties": {"type": {"const": "row"}}}, "then": {"required": ["cells"], "properties": {"cells": {"items": {"properties": {"type": {"const": "cell"}}}}}}}
      ]
    },
    "sectionKind": {
      "enum": ["summary", "education", "employment", "publications", "talks", "grants", "awards", "teaching", "service", "skills", "languages", "projects", "referees", "research-statement", "other"]
    },
    "personName": {
      "type": "object",
      "required": ["literal"],
      "additionalProperties": false,
      "properties": {
        "literal": {"type": "string", "minLength": 1},
        "given": {"type": "string"},
        "family": {"type": "string"}
      }
    },
    "profile": {
      "type": "object",
      "required": ["person", "sections", "entries", "publications", "referees"],
      "additionalProperties": false,
      "properties": {
        "person": {
          "type": "object",
          "required": ["emails", "phones", "links", "identifiers"],
          "additionalProperties": false,
          "properties": {
            "name": {"$ref": "#/$defs/personName"},
            "emails": {"type": "array", "items": {"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+$"}},
            "phones": {"type": "array", "items": {"type": "string"}},
            "links": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["kind", "url"],
                "additionalProperties": false,
                "properties": {
                  "kind": {"enum": ["orcid", "scholar", "github", "linkedin", "website", "other"]},
                  "url": {"type": "string"}
                }
              }
            },
            "identifiers": {"type": "object", "additionalProperties": {"type": "string"}},
            "affiliation": {"type": "string"},
            "address": {"type": "string"}
          }
        },
        "sections": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["kind", "title", "blocks"],
            "additionalProperties": false,
            "properties": {
              "kind": {"$ref": "#/$defs/sectionKind"},
              "title": {"type": "string"},
              "blocks": {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2},
              "subkind": {"type": "string"}
            }
          }
        },
        "entries": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["kind", "raw"],
            "additionalProperties": false,
            "properties": {
              "kind": {"$ref": "#/$defs/sectionKind"},
              "title": {"type": "string"},
              "organization": {"type": "string"},
              "place": {"type": "string"},
              "dates": {
                "type": "object",
                "required": ["edtf", "raw"],
                "additionalProperties": false,
                "properties": {
                  "start": {"type": "string"},
                  "end": {"type": "string"},
                  "edtf": {"type": "string"},
                  "raw": {"type": "string"}
                }
              },
              "raw": {"type": "string"},
              "block": {"type": "integer", "minimum": 0},
              "document": {"description": "In applicant records: index into documents.", "type": "integer", "minimum": 0}
            }
          }
        },
        "publications": {"type": "array", "items": {"$ref": "#/$defs/publication"}},
        "referees": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["name"],
            "additionalProperties": false,
            "properties": {
              "name": {"$ref": "#/$defs/personName"},
              "title": {"type": "string"},
              "institution": {"type": "string"},
              "email": {"type": "string"},
              "phone": {"type": "string"},
              "relation": {"type": "string"},
              "raw": {"type": "string"},
              "documents": {"description": "In applicant records: the documents that name this referee.", "type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 1}
            }
          }
        }
      }
    },
    "cslName": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "family": {"type": "string"},
        "given": {"type": "string"},
        "non-dropping-particle": {"type": "string"},
        "suffix": {"type": "string"},
        "literal": {"type": "string"}
      },
      "anyOf": [{"required": ["family"]}, {"required": ["literal"]}]
    },
    "publication": {
      "type": "object",
      "description": "A CSL-JSON item plus raw, confidence and applicantPosition.",
      "required": ["id", "type", "raw", "confidence"],
      "additionalProperties": false,
      "properties": {
        "id": {"type": "string"},
        "type": {"type": "string"},
        "author": {"type": "array", "items": {"$ref": "#/$defs/cslName"}},
        "editor": {"type": "array", "items": {"$ref": "#/$defs/cslName"}},
        "title": {"type": "string"},
        "container-title": {"type": "string"},
        "issued": {
          "type": "object",
          "required": ["date-parts"],
          "additionalProperties": false,
          "properties": {
            "date-parts": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}, "minItems": 1, "maxItems": 3}, "minItems": 1, "maxItems": 2},
            "raw": {"type": "string"}
          }
        },
        "volume": {"type": "string"},
        "issue": {"type": "string"},
        "page": {"type": "string"},
        "publisher": {"type": "string"},
        "publisher-place": {"type": "string"},
        "edition": {"type": "string"},
        "DOI": {"type": "string", "pattern": "^10\\.[0-9]{4,9}/\\S+$"},
        "PMID": {"type": "string", "pattern": "^[0-9]{1,9}$"},
        "PMCID": {"type": "string", "pattern": "^PMC[0-9]+$"},
        "arxiv": {"type": "string"},
        "ISBN": {"type": "string"},
        "URL": {"type": "string"},
        "status": {"type": "string"},
        "note": {"type": "string"},
        "raw": {"type": "string"},
        "confidence": {"type": "object", "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1}},
        "applicantPosition": {"type": "integer", "minimum": 1},
        "etAl": {"type": "boolean"},
        "equalContribution": {"type": "array", "items": {"type": "integer", "minimum": 1}},
        "corresponding": {"type": "array", "items": {"type": "integer", "minimum": 1}},
        "block": {"type": "integer", "minimum": 0},
        "sources": {
          "description": "In applicant records: every document the paper was found in.",
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "object",
            "required": ["document", "path", "id", "raw"],
            "additionalProperties": false,
            "properties": {
              "document": {"type": "integer", "minimum": 0},
              "path": {"type": "string"},
              "id": {"type": "string"},
              "raw": {"type": "string"},
              "provenance": {"$ref": "#/$defs/provenance"},
              "matchedBy": {"enum": ["doi", "raw", "title-year", "close-title"]}
            }
          }
        },
        "fieldSources": {
          "description": "In applicant records: field name → index into sources of the copy the value was taken from.",
          "type": "object",
          "additionalProperties": {"type": "integer", "minimum": 0}
        }
      }
    },
    "diagnostic": {
      "type": "object",
      "required": ["severity", "stage", "message"],
      "additionalProperties": false,
      "properties": {
        "severity": {"enum": ["info", "warning", "error"]},
        "stage": {"type": "string"},
        "message": {"type": "string"},
        "provenance": {"$ref": "#/$defs/provenance"},
        "document": {"description": "In applicant records: index into documents; absent for what the merge found.", "type": "integer", "minimum": 0}
      }
    }
  }
}
"""#
}
