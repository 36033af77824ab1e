"""The list as a network picture: persons, the bodies they served and the incidents they are
tied to, with their family ties, drawn as static SVG that opens from disk (``drawing``).

A few dozen persons read well as one picture. A few hundred do not (one hairball), so above
``SPLIT_ABOVE`` persons the report draws one picture per organisation (its persons, their
incidents and ties) and ``network.svg`` becomes a map of the organisations that links to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sanctions.governments.roles import role
from sanctions.model.rows import Rows
from sanctions.review.drawing import Network, Node, draw
from sanctions.review.person import relation_words

SPLIT_ABOVE = 60  # persons; above this, one picture per organisation
# Above every picture: a file of the report opened on its own says what the report's pages say.
NOTICE = (
    "CONFIDENTIAL. Part of the internal review report: it shows confidential incidents and "
    "persons still under research. Do not publish, forward or file it."
)


@dataclass(frozen=True)
class Picture:
    """One SVG file of the report: ``path`` relative to the report folder."""

    path: str
    title: str
    svg: str
    persons: int


def network_of(
    rows: Rows,
    persons: Iterable[str],
    pages: Mapping[str, str],
    orgs: Iterable[str] | None = None,
) -> Network:
    """The persons given, the organisations of their posts (only ``orgs``, when given), the
    incidents they are involved in and their ties. ``pages``: person ID -> link to their page."""
    chosen = set(persons)
    bodies = {o.org_id: o for o in rows.organizations}
    keep_orgs = set(orgs) if orgs is not None else None
    incidents = {i.incident_id: i for i in rows.incidents}
    net = Network()
    for person in rows.persons:
        if person.person_id in chosen:
            net.add(
                Node(
                    f"person:{person.person_id}",
                    f"person-{person.status}",
                    person.name,
                    f"{person.person_id} {person.name} ({person.status})",
                    pages.get(person.person_id),
                )
            )
    for post in rows.positions:
        if post.person_id not in chosen or (keep_orgs is not None and post.org_id not in keep_orgs):
            continue
        body = bodies.get(post.org_id)
        name = body.name if body is not None else post.org_id
        net.add(Node(f"org:{post.org_id}", "organisation", name, f"{post.org_id} {name}"))
        net.link(f"person:{post.person_id}", f"org:{post.org_id}", "post", "")
    for part in rows.involvement:
        incident = incidents.get(part.incident_id)
        if part.person_id not in chosen or incident is None:
            continue
        style = "incident-confidential" if incident.confidential else "incident"
        secret = " (CONFIDENTIAL)" if incident.confidential else ""
        net.add(
            Node(
                f"incident:{incident.incident_id}",
                style,
                f"{incident.incident_id}: {incident.title}",
                f"{incident.incident_id} {incident.title}, {incident.date}{secret}",
            )
        )
        net.link(
            f"person:{part.person_id}",
            f"incident:{incident.incident_id}",
            "involvement",
            role(part.role).label,
        )
    listed = {p.person_id: p for p in rows.persons}
    for tie in rows.relations:
        if tie.person_id not in chosen:
            continue
        other = tie.related_person_id
        key = f"person:{other}"
        if other and other not in chosen:  # on the list, but not in this picture
            who = listed.get(other)
            name = who.name if who is not None else other
            style = f"person-{who.status}" if who is not None else "relative"
            tooltip = f"{other} {name} (shown here as a relative)"
            net.add(Node(key, style, name, tooltip, pages.get(other)))
        elif not other:
            name = tie.related_name or "unnamed"
            key = f"relative:{name.casefold()}"
            net.add(Node(key, "relative", name, f"{name} (not on the list)"))
        net.link(
            f"person:{tie.person_id}", key, "relation", f"{relation_words(tie.relationship)} of"
        )
    return net


def organisations_of(rows: Rows, files: Mapping[str, str], loose: str | None) -> Network:
    """The map drawn above the split: each organisation with persons, linked to its picture;
    two are joined when persons of both are tied to the same incidents, and a body to the body
    it is part of. ``loose``: the picture of persons with no post, if there are any."""
    members: dict[str, set[str]] = {}
    for post in rows.positions:
        members.setdefault(post.org_id, set()).add(post.person_id)
    involved: dict[str, set[str]] = {}
    for part in rows.involvement:
        involved.setdefault(part.person_id, set()).add(part.incident_id)
    net = Network()
    bodies = {o.org_id: o for o in rows.organizations}
    for org_id in sorted(members):
        name = bodies[org_id].name if org_id in bodies else org_id
        count = len(members[org_id])
        label = f"{name} ({count} {'person' if count == 1 else 'persons'})"
        net.add(
            Node(f"org:{org_id}", "organisation", label, f"{org_id} {label}", files.get(org_id))
        )
    if loose is not None:
        net.add(Node("org:", "organisation", "Persons with no post", "Persons with no post", loose))
    incidents_of = {
        org: set().union(*(involved.get(p, set()) for p in people))
        for org, people in members.items()
    }
    ordered = sorted(members)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            shared = len(incidents_of[a] & incidents_of[b])
            if shared:
                net.link(f"org:{a}", f"org:{b}", "shared", f"{shared}")
    for org_id in ordered:
        parent = bodies[org_id].parent_org_id if org_id in bodies else None
        if parent and parent in members:
            net.link(f"org:{org_id}", f"org:{parent}", "parent")
    return net


def pictures(
    rows: Rows,
    pages: Mapping[str, str],
    org_files: Mapping[str, str],
    list_title: str,
    split_above: int = SPLIT_ABOVE,
) -> list[Picture]:
    """``network.svg`` and, above ``split_above`` persons, one picture per organisation
    (``org_files``: org ID -> its file name under ``network/``). ``pages``: person ID -> the
    page's path from the report folder."""
    everyone = [p.person_id for p in rows.persons]
    if len(everyone) <= split_above:
        net = network_of(rows, everyone, pages)
        title = f"Network of {list_title}"
        return [Picture("network.svg", title, draw(net, title, NOTICE), len(everyone))]
    up = {pid: f"../{page}" for pid, page in pages.items()}
    members: dict[str, set[str]] = {}
    for post in rows.positions:
        members.setdefault(post.org_id, set()).add(post.person_id)
    names = {o.org_id: o.name for o in rows.organizations}
    found: list[Picture] = []
    for org_id in sorted(members):
        title = f"{names.get(org_id, org_id)}: its persons and their incidents"
        net = network_of(rows, members[org_id], up, orgs=[org_id])
        found.append(
            Picture(
                f"network/{org_files[org_id]}",
                title,
                draw(net, title, NOTICE),
                len(members[org_id]),
            )
        )
    loose = sorted(set(everyone) - set().union(*members.values()))
    if loose:
        title = "Persons with no post"
        net = network_of(rows, loose, up)
        found.append(Picture("network/_no-post.svg", title, draw(net, title, NOTICE), len(loose)))
    files = {org_id: f"network/{name}" for org_id, name in org_files.items()}
    title = f"Organisations of {list_title}"
    overview = organisations_of(rows, files, "network/_no-post.svg" if loose else None)
    return [Picture("network.svg", title, draw(overview, title, NOTICE), len(everyone)), *found]
