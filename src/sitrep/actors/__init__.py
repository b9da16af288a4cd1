"""Actors: the knowledge base of armed and political actors, and their resolution in text."""

from sitrep.actors.knowledge_base import ActorBase, build_knowledge_base, load_knowledge_base
from sitrep.actors.resolve import ResolvedActor, backers_in_phrase, find_actors, resolve_actors

__all__ = [
    "ActorBase",
    "ResolvedActor",
    "backers_in_phrase",
    "build_knowledge_base",
    "find_actors",
    "load_knowledge_base",
    "resolve_actors",
]
