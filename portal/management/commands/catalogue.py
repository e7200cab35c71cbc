from django.core.management.base import BaseCommand, CommandError

from portal import catalogues


class Command(BaseCommand):
    help = (
        "Maintain the message catalogues without GNU gettext: "
        "'update' merges new strings into the .po files, 'compile' writes the .mo files, "
        "'check' lists untranslated strings."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["update", "compile", "check"])
        parser.add_argument(
            "domains", nargs="*", help="catalogues to work on (portal, networks, ...); all if none"
        )

    def handle(self, *args, action, domains, **options):
        selected = [d for d in catalogues.domains() if not domains or d.name in domains]
        unknown = set(domains) - {d.name for d in selected}
        if unknown:
            raise CommandError(f"Unknown catalogue(s): {', '.join(sorted(unknown))}")
        failed = False
        for domain in selected:
            for lang in catalogues.TRANSLATED_LANGUAGES:
                if action == "update":
                    catalogues.update(domain, lang)
                    catalogues.compile_domain(domain, lang)
                    missing = catalogues.untranslated(domain, lang)
                    self.stdout.write(
                        f"{domain.po_path(lang)}: {len(missing)} string(s) to translate"
                    )
                elif action == "compile":
                    self.stdout.write(str(catalogues.compile_domain(domain, lang)))
                else:
                    missing = catalogues.untranslated(domain, lang)
                    for msgid in missing:
                        self.stdout.write(f"{domain.name} [{lang}]: {msgid}")
                    failed = failed or bool(missing)
        if failed:
            raise CommandError("Some strings are not translated.")
