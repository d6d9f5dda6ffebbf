"""The attribution sieve: an ordered list of small passes, one module per construction.

Each pass reads an :class:`~.view.ArticleView` of the article and proposes
:class:`~.candidate.Candidate` records into one :class:`~.claims.Claims`;
overlaps are then settled, speakers resolved and sources assigned.  The order
stands in :mod:`.order`.
"""
from .candidate import Candidate, Record
from .order import attribute_article
from .view import ArticleView

__all__ = ["ArticleView", "Candidate", "Record", "attribute_article"]
