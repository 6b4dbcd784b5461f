"""What a built site weighs, and the limits of the static hosts it may be published on.

Static hosts refuse a site past hard limits: a total size, a number of files, a size per
file. After a build, :class:`SiteSize` is what the build wrote (counted as it wrote it,
not by walking the tree); :func:`misfits` says which known hosts the site no longer
fits. With ``host:`` in versus.yaml, a build refuses, before publishing, a site over
that host's limits (:func:`refusal`); without it, it warns. The limits are the
providers' own, as their documentation (``Host.source``) gives them.
"""

from __future__ import annotations

from dataclasses import dataclass

from versus.inputs.problems import counted

GB = 1_000_000_000
"""A gigabyte as the hosts' limits count it: decimal, the stricter reading of "1 GB"."""
MIB = 1024 * 1024


@dataclass(frozen=True)
class Host:
    id: str
    """As ``host:`` in versus.yaml names it."""
    name: str
    max_bytes: int | None
    """The most a site may weigh in all."""
    max_files: int | None
    """The most files a site may have."""
    max_file_bytes: int | None
    """The most one file may weigh."""
    source: str
    """Where the provider states these limits."""


HOSTS: dict[str, Host] = {
    host.id: host
    for host in (
        Host(
            "github-pages",
            "GitHub Pages",
            GB,
            None,
            None,
            "https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits",
        ),
        Host(
            "cloudflare-pages",
            "Cloudflare Pages (free)",
            None,
            20_000,
            25 * MIB,
            "https://developers.cloudflare.com/pages/platform/limits/",
        ),
        Host(
            "cloudflare-pages-paid",
            "Cloudflare Pages (paid)",
            None,
            100_000,
            25 * MIB,
            "https://developers.cloudflare.com/pages/platform/limits/",
        ),
        Host(
            "gitlab-pages",
            "GitLab Pages",
            GB,
            200_000,
            None,
            "https://docs.gitlab.com/user/gitlab_com/#gitlab-pages",
        ),
    )
}
"""Every host whose limits versus knows, by id."""


def weight(count: int) -> str:
    """A size in bytes as people read it: ``312.4 MB``, ``1.2 GB``, ``880 bytes``."""
    for unit, size in (("GB", GB), ("MB", 1_000_000), ("KB", 1000)):
        if count >= size:
            return f"{count / size:,.1f} {unit}"
    return counted(count, "byte")


@dataclass(frozen=True)
class SiteSize:
    """A built site's files, bytes and largest file."""

    files: int
    bytes: int
    largest: int = 0
    """The size of its largest file."""
    largest_path: str = ""

    def line(self) -> str:
        """``site: 20,143 files, 312.4 MB``: what every build prints."""
        return f"site: {self.files:,} file{'s' * (self.files != 1)}, {weight(self.bytes)}"

    def over(self, host: Host) -> list[str]:
        """Each limit of ``host`` the site is over, in words (none: it fits)."""
        found = []
        if host.max_bytes is not None and self.bytes > host.max_bytes:
            found.append(f"{weight(self.bytes)}, over its {weight(host.max_bytes)} per site")
        if host.max_files is not None and self.files > host.max_files:
            found.append(f"{self.files:,} files, over its {host.max_files:,} per site")
        if host.max_file_bytes is not None and self.largest > host.max_file_bytes:
            found.append(
                f"{self.largest_path} is {weight(self.largest)}, over its "
                f"{host.max_file_bytes // MIB} MiB per file"
            )
        return found


def misfits(size: SiteSize, hosts: dict[str, Host] | None = None) -> list[Host]:
    """The known hosts (``hosts``, :data:`HOSTS` by default) the site is over a limit of."""
    return [host for host in (HOSTS if hosts is None else hosts).values() if size.over(host)]


def warning(size: SiteSize, hosts: dict[str, Host] | None = None) -> str:
    """What a build without ``host:`` says when the site no longer fits some host ("" when
    it fits them all)."""
    over = misfits(size, hosts)
    if not over:
        return ""
    names = ", ".join(host.name for host in over)
    return (
        f"the site ({size.files:,} files, {weight(size.bytes)}) no longer fits on {names}; "
        "set 'pairs:' in versus.yaml to give fewer pairs a page, and 'host:' to refuse a "
        "site over your host's limits"
    )


def refusal(size: SiteSize, host_id: str, hosts: dict[str, Host] | None = None) -> str:
    """Why a site may not be published on ``host_id`` ("" when it fits)."""
    host = (HOSTS if hosts is None else hosts)[host_id]
    over = size.over(host)
    if not over:
        return ""
    return f"the site does not fit on {host.name}: {'; '.join(over)} ({host.source})"


__all__ = ["GB", "HOSTS", "Host", "SiteSize", "misfits", "refusal", "warning", "weight"]
