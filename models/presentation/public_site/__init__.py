"""The public status page: a static, self-contained website for the municipality's own site.

- `data`: what it shows, read once (`read_site`): the citizen-meeting deck's aggregates and
  the plan in brief; nothing internal is selected.
- `sections`: one function per section (`SiteData` → `Section`), in `SECTIONS`; `page`:
  `index.html` and `style.css` from them (`render_site`), and the app's preview.
- `markup`: the escaping HTML builder; `svg`: charts as inline SVG with text alternatives;
  `texts`: the site's Danish texts.
- `publish`: publishing to a directory or as a zip, audited in `publication` (`tables`).
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "data": ["PlanBrief", "SiteData", "read_site"],
        "page": ["SiteFiles", "render_site", "preview_html"],
        "publish": [
            "MANIFEST",
            "PublishError",
            "directory_hash",
            "list_publications",
            "manifest_hash",
            "publish_to_directory",
            "publish_zip",
            "zip_name",
        ],
        "sections": ["SECTIONS", "Section", "SectionFunction"],
        "tables": ["Publication"],
    },
)
