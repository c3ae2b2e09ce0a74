"""Service directory tables, aligned with Open Referral UK (HSDS 3.0), plus our provenance.

The schema is made by the Alembic migrations in migrations/; these classes mirror it.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.pathway import Base


class Organization(Base):
    __tablename__ = "organization"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(Text, default="")


class Service(Base):
    __tablename__ = "service"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    organization_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"))
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(Text, default="active")
    application_process: Mapped[str] = mapped_column(Text, default="")  # how to refer
    eligibility_description: Mapped[str] = mapped_column(Text, default="")
    minimum_age: Mapped[int]
    maximum_age: Mapped[int]
    assured_date: Mapped[str] = mapped_column(Text, default="")  # when a person last checked it
    assured_method: Mapped[str] = mapped_column(Text, default="", server_default="")  # phoned..
    assured_by: Mapped[str] = mapped_column(Text, default="", server_default="")  # a role
    alert: Mapped[str] = mapped_column(Text, default="")
    audience: Mapped[str] = mapped_column(Text, default="any")  # any | women | men | lgbtq
    self_referral: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text)
    source_date: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[str] = mapped_column(Text)  # high | medium | low
    notes: Mapped[str] = mapped_column(Text, default="")


class Phone(Base):
    __tablename__ = "phone"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    service_id: Mapped[str] = mapped_column(ForeignKey("service.id"))
    ordinal: Mapped[int]
    number: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(Text, default="voice")
    description: Mapped[str] = mapped_column(Text, default="")


class Schedule(Base):
    __tablename__ = "schedule"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    service_id: Mapped[str] = mapped_column(ForeignKey("service.id"))
    description: Mapped[str] = mapped_column(Text, default="")
    byday: Mapped[str] = mapped_column(Text, default="")
    opens_at: Mapped[str] = mapped_column(Text, default="")
    closes_at: Mapped[str] = mapped_column(Text, default="")


class ServiceArea(Base):
    __tablename__ = "service_area"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    service_id: Mapped[str] = mapped_column(ForeignKey("service.id"))
    name: Mapped[str] = mapped_column(String)  # a borough id, west_midlands or national
    description: Mapped[str] = mapped_column(Text, default="")


class TaxonomyTerm(Base):
    __tablename__ = "taxonomy_term"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    code: Mapped[str] = mapped_column(String)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    taxonomy: Mapped[str] = mapped_column(String)


class Attribute(Base):
    __tablename__ = "attribute"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    link_id: Mapped[str] = mapped_column(String)
    link_type: Mapped[str] = mapped_column(String, default="service")
    link_entity: Mapped[str] = mapped_column(String, default="service")
    taxonomy_term_id: Mapped[str] = mapped_column(ForeignKey("taxonomy_term.id"))
    value: Mapped[str] = mapped_column(Text, default="")


class Location(Base):
    """A named place. There is deliberately no address: refuge addresses are never stored."""

    __tablename__ = "location"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    organization_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"))
    location_type: Mapped[str] = mapped_column(String, default="physical")
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")


class ServiceAtLocation(Base):
    __tablename__ = "service_at_location"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    service_id: Mapped[str] = mapped_column(ForeignKey("service.id"))
    location_id: Mapped[str] = mapped_column(ForeignKey("location.id"))
