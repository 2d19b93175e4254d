# The workload of real_perl.vgtest (given to perl -e): hashes, regular
# expressions (captures, named groups, /g, /e, tr), sprintf, sort,
# pack/unpack.  Hash order is random in perl: keys are always sorted.
use strict;
use warnings;

my %count;
my @words = map { "w" . ($_ * 7919 % 1009) } 0 .. 29999;
$count{$_}++ for @words;
my @top = (sort { $count{$b} <=> $count{$a} || $a cmp $b } keys %count)[0 .. 2];
print "distinct ", scalar(keys %count), " top @top\n";

my %buckets;
push @{ $buckets{$_ % 97} }, $_ * $_ for 0 .. 19999;
my $sum = 0;
$sum = ($sum + $_) % 1000003 for map { @$_ } values %buckets;
print "buckets ", scalar(keys %buckets), " sum $sum\n";

my $text = join " ", map { sprintf "%s-%d", $_, length } @words[0 .. 4999];
my $n = () = $text =~ /w(\d{2,3})-(\d)/g;
print "matches $n\n";
(my $doubled = "w1 w22 w333") =~ s/w(\d+)/$1 * 2/ge;
print "doubled $doubled\n";
if ("2026-11-22T01:43:21" =~ /^(?<y>\d{4})-(?<m>\d\d)-(?<d>\d\d)T(?<t>[\d:]+)$/) {
   print "date $+{d}/$+{m}/$+{y} at $+{t}\n";
}
(my $rot = "Hello, World") =~ tr/A-Za-z/N-ZA-Mn-za-m/;
print "rot13 $rot\n";
my @fields = split /\s*[,;]\s*/, "a , b;c ;; d,e";
print "split ", join("|", @fields), "\n";

my %inverse = reverse %count;
print "inverse ", scalar(keys %inverse), "\n";
my @sorted = sort { $a->[0] <=> $b->[0] } map { [($_ * 2654435761) % 2**32, $_] } 0 .. 49999;
print "sorted $sorted[0][1] $sorted[-1][1] $sorted[25000][1]\n";
printf "float %.12f %g %e\n", eval { my $s = 0; $s += 1 / ($_ * $_) for 1 .. 99999; $s }, 1e21, 1 / 3;
print "pack ", unpack("H*", pack("l< q< d<", -5, 2**40, 1.5)), "\n";
