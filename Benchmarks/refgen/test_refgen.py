"""Label recovery and noise of refgen.py, without pandoc or the corpus: python3 -m unittest Benchmarks/refgen/test_refgen.py"""
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refgen  # noqa: E402
from refgen import mark  # noqa: E402

ITEM = {"type": "article-journal", "title": "A study of things", "container-title": "Nucl. Phys. B", "volume": "12",
        "issue": "3", "page": "45–67", "issued": {"date-parts": [[1999]]},
        "author": [{"family": "Smith", "given": "John A."}, {"family": "Doe", "given": "B."}]}


def labelled(marked, item=ITEM):
    text, fields = refgen.strip_marks(marked)
    spans, labels = refgen.label_tokens(text, fields, item)
    return [(text[s:e], lab) for (s, e), lab in zip(spans, labels)]


class LabelRecovery(unittest.TestCase):
    def test_vancouver(self):
        marked = "1. %s JA, %s B. %s. %s 1999;%s(%s):%s." % (mark("family", "Smith"), mark("family", "Doe"), mark("title", "A study of things"),
                                                      mark("container-title", "Nucl. Phys. B"), mark("volume", "12"), mark("issue", "3"), mark("page", "45–67"))
        got = labelled(marked)
        self.assertEqual(got[0], ("1.", "citation-number"))
        self.assertEqual([lab for _, lab in got[1:5]], ["author"] * 4)
        self.assertIn(("1999;", "date"), got)
        self.assertIn(("12(3):", "volume"), got)
        self.assertEqual(got[-1], ("45–67.", "pages"))
        self.assertEqual([t for t, lab in got if lab == "journal"], ["Nucl.", "Phys.", "B"])

    def test_label_words_join_the_next_field(self):
        marked = "J. A. %s and B. %s, “%s,” %s, vol. %s, pp. %s, 1999." % (mark("family", "Smith"), mark("family", "Doe"), mark("title", "A study of things"),
                                                                   mark("container-title", "Nucl. Phys. B"), mark("volume", "12"), mark("page", "45–67"))
        got = dict(labelled(marked))
        self.assertEqual(got["J."], "author")
        self.assertEqual(got["vol."], "volume")
        self.assertEqual(got["pp."], "pages")
        self.assertEqual(got["1999."], "date")

    def test_first_page_only_closes_its_marker(self):
        marked = "[1] J. %s, %s %s, %s (1999)." % (mark("family", "Smith"), mark("container-title", "Nucl. Phys. B"), mark("volume", "12"),
                                           refgen.mark("page", "45")[:-1])
        got = labelled(marked)
        self.assertIn(("45", "pages"), got)
        self.assertNotIn("title", [lab for _, lab in got])

    def test_two_fields_in_one_token_are_dropped(self):
        marked = "%s J. %s[C]//%s, 1999." % (mark("family", "Smith"), mark("title", "A study of things"), mark("container-title", "Proceedings"))
        text, fields = refgen.strip_marks(marked)
        self.assertIsNone(refgen.label_tokens(text, fields, ITEM))

    def test_medium_words_are_medium_as_anystyle_labels_them(self):
        # MLA 7 closes with the medium ("Print.", "Web."), bracketed ones come after the title ("[online]"); AnyStyle's
        # data labels them <medium>, not note nor the field next to them.
        marked = "%s, John A., and B. %s. “%s.” %s %s.%s (1999): %s. Print." % (
            mark("family", "Smith"), mark("family", "Doe"), mark("title", "A study of things"), mark("container-title", "Nucl. Phys. B"),
            mark("volume", "12"), mark("issue", "3"), mark("page", "45–67"))
        got = labelled(marked)
        self.assertEqual(got[-1], ("Print.", "medium"))
        self.assertEqual(got[-2], ("45–67.", "pages"))
        marked = "%s J. %s [online]. %s. 1999, %s." % (mark("family", "Smith"), mark("title", "A study of things"),
                                                     mark("container-title", "Nucl. Phys. B"), mark("volume", "12"))
        got = dict(labelled(marked))
        self.assertEqual(got["[online]."], "medium")
        self.assertEqual(got["things"], "title")
        marked = "%s, John A. “%s.” %s 12 (1999). Web." % (mark("family", "Smith"), mark("title", "A study of things"),
                                                         mark("container-title", "Nucl. Phys. B"))
        self.assertEqual(labelled(marked)[-1], ("Web.", "medium"))

    def test_words_that_only_look_like_a_medium_keep_their_labels(self):
        # a title or journal word "Print" or "Online" is the field's, and a word of no field that is not a medium
        # ("Accessed") still takes the next field or note
        marked = "%s, J. %s. %s, 1999, %s." % (mark("family", "Smith"), mark("title", "Print media"), mark("container-title", "Online Review"),
                                            mark("volume", "12"))
        got = dict(labelled(marked))
        self.assertEqual(got["Print"], "title")
        self.assertEqual(got["Online"], "journal")
        self.assertNotIn("medium", got.values())
        self.assertFalse(refgen.MEDIUM.match("Printed"))
        self.assertFalse(refgen.MEDIUM.match("Webster,"))
        self.assertFalse(refgen.MEDIUM.match("online"))  # "Published online 2011": the date's

    def test_tokenizer_splits_like_the_parser(self):
        text = "2009;106:4894 1,234 doi:10.1/a:b"
        self.assertEqual([text[s:e] for s, e in refgen.tokenize(text)], ["2009;", "106:", "4894", "1,234", "doi:10.1/a:b"])


class Noise(unittest.TestCase):
    def test_noise_keeps_one_label_per_character(self):
        marked = "%s, J. A. (1999). %s. %s, %s, 45–67." % (mark("family", "Smith"), mark("title", "Efficient classification of interactions"),
                                                     mark("container-title", "Nucl. Phys. B"), mark("volume", "12"))
        text, fields = refgen.strip_marks(marked)
        for seed in range(50):
            noisy, labs = refgen.noise(text, fields, random.Random(seed))
            self.assertEqual(len(noisy), len(labs))
            self.assertNotEqual(noisy, "")

    def test_separator_moves_onto_the_next_token(self):
        text = "Title, Journal"
        fields = ["title"] * 6 + [None] + ["container-title"] * 7
        noisy, labs = refgen.noise(text, fields, _Fixed(["move"]))
        self.assertEqual(noisy, "Title ,Journal")
        self.assertEqual(labs[6], "title")


class CVShapes(unittest.TestCase):
    ITEM = {"type": "paper-conference", "title": "Sonet network design problems", "container-title": "Workshop on Local Search",
            "publisher-place": "Lisbon", "issued": {"date-parts": [[2009]]}, "DOI": "10.1/x",
            "author": [{"family": "Pelleau", "given": "Marie"}, {"family": "van Hentenryck", "given": "P."},
                       {"family": "Truchet", "given": "C."}]}

    def test_every_piece_keeps_its_field_and_the_whole_item_is_there(self):
        for seed in range(200):
            pieces = refgen.cv_reference(self.ITEM, random.Random(seed))
            labels = [lab for lab, _ in pieces]
            text = " ".join(t for _, t in pieces)
            self.assertIn("Sonet network design problems", text)
            self.assertEqual(labels.count("title"), 1)
            self.assertEqual(labels.count("author"), 1)
            self.assertEqual([t for lab, t in pieces if lab == "date"][0].strip("().:,"), "2009")
            self.assertIn("Truchet", [t for lab, t in pieces if lab == "author"][0])
            self.assertTrue(all(t and t == " ".join(t.split()) for _, t in pieces))
            self.assertIn(labels[0], ("citation-number", "author", "date", "title"))

    def test_given_names_as_cvs_write_them(self):
        self.assertEqual(refgen.cv_given("Jean-Charles", "dots"), "J.-C.")
        self.assertEqual(refgen.cv_given("Valeria C. F.", "bare"), "VCF")
        self.assertEqual(refgen.cv_given("Marie", "full"), "Marie")
        self.assertEqual(refgen.cv_given("P.", "full"), "P.")

    def test_sequence_xml(self):
        xml = refgen.cv_sequence_xml([("author", "A. B,"), ("title", "T & U,"), ("date", "2009.")])
        self.assertIn("<title>T &amp; U,</title>", xml)


class InstallModel(unittest.TestCase):
    def test_swift_source_is_what_train_references_writes(self):
        import install_model
        source = install_model.swift_source(b"DRM1\x03", "make reference-model")
        self.assertEqual(source, "// Generated by `make reference-model`; do not edit.\n"
                                 "/// The trained reference-parser model, compiled into the binary as base64 text.\n"
                                 "enum EmbeddedModel {\n    static let base64 = \"RFJNMQM=\"\n}\n")


class _Fixed(random.Random):
    """A random source whose noise kinds are fixed."""
    def __init__(self, kinds):
        super().__init__(0)
        self.kinds = kinds

    def sample(self, population, k):
        population = list(population)
        if population and isinstance(population[0], str) and population[0] in ("move", "glue"):
            return self.kinds
        return population[:k]

    def randint(self, a, b):
        return a


if __name__ == "__main__":
    unittest.main()
