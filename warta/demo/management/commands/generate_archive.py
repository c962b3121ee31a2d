from django.core.management.base import BaseCommand, CommandError

from warta.demo.archive import BATCH_SIZE, generate_archive


class Command(BaseCommand):
    help = (
        "Generate a large synthetic archive of Indonesian regional news for benchmarks "
        "(idempotent per --seed: reruns add only missing articles)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=int, required=True, help="How many articles this seed should have."
        )
        parser.add_argument("--seed", type=int, default=1, help="Which set (default 1).")
        parser.add_argument(
            "--years", type=int, default=8, help="Spread publication over this many years."
        )
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args, articles: int, seed: int, years: int, batch_size: int, **options):
        if articles < 0 or years < 1 or batch_size < 1:
            raise CommandError("--articles must be 0 or more, --years and --batch-size 1 or more.")
        verbosity = options["verbosity"]

        def progress(done: int, total: int) -> None:
            if verbosity > 1 or (verbosity and (done == total or done % 10_000 < batch_size)):
                self.stdout.write(f"  {done:,} of {total:,} articles created and indexed")

        report = generate_archive(
            articles, seed=seed, years=years, batch_size=batch_size, progress=progress
        )
        rate = report.created / report.seconds if report.seconds else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Archive seed {seed}: {report.created:,} articles created, "
                f"{report.existing:,} already there, in {report.seconds:.1f} s "
                f"({rate:,.0f} articles/s)."
            )
        )
