"""The reader stage: files and folders of articles -> :class:`~kg.model.Article` records.

>>> from kg.read import read_articles
>>> callable(read_articles)
True
"""

from kg.read.articles import SUFFIXES, Record, article_from_dict, count_records, input_files, parse_date, read_articles

__all__ = ["SUFFIXES", "Record", "article_from_dict", "count_records", "input_files", "parse_date", "read_articles"]
