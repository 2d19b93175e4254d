#!/usr/bin/env perl
# A "#!/usr/bin/env perl" script (shebang_env_perl.vgtest): env runs under
# the tool and, with --trace-children=yes, so does the perl it execs.
use strict;
use warnings;
print "\$0 is $0, ", scalar(@ARGV), " arguments: ", join(" ", map { "[$_]" } @ARGV), "\n";
my %seen;
$seen{ length $_ }++ for split /\W+/, "the quick brown fox jumps over the lazy dog " x 100;
print join(", ", map { "$_ letters: $seen{$_}" } sort { $a <=> $b } keys %seen), "\n";
exit 4;
