"""Publishing: sorted dumps, a VoID + DCAT description, ontology docs, SHACL validation, releases.

>>> from kg.publish import FORMATS
>>> sorted(FORMATS)
['jsonld', 'nq', 'nt', 'trig', 'ttl']
"""

from kg.publish.describe import Counts, FileInfo, dataset_counts, describe
from kg.publish.docs import ontology_html
from kg.publish.dump import FORMATS, write_dump
from kg.publish.release import Release, publish
from kg.publish.validate import ValidationResult, Violation, validate, validate_graph

__all__ = ["FORMATS", "Counts", "FileInfo", "Release", "ValidationResult", "Violation", "dataset_counts",
           "describe", "ontology_html", "publish", "validate", "validate_graph", "write_dump"]
