"""Explorers (assets/explorers/<id>.yml): entries a learner filters by group."""

from __future__ import annotations

from pydantic import Field

from spasmcourse.content.models.base import ContentModel, Slug, Text


class ExplorerGroup(ContentModel):
    """One filter of an explorer."""

    id: Slug
    label: Text


class ExplorerItem(ContentModel):
    """One entry of an explorer, in one or more groups."""

    title: Text
    text: Text
    groups: list[Slug] = Field(min_length=1)
    reference: Slug
    badge: Text | None = None


class Explorer(ContentModel):
    """assets/explorers/<id>.yml: items a learner filters by group to see how they relate."""

    id: Slug
    title: Text
    intro: Text | None = None
    badge_label: Text | None = None
    groups: list[ExplorerGroup] = Field(min_length=2, max_length=8)
    items: list[ExplorerItem] = Field(min_length=2, max_length=40)
