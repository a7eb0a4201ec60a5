# POD blocks from a `=word` line to `=cut` are skipped, even ones that contain code.
    say "before"
=pod

    say "inside pod"

=cut
    say "between"
=head1 ANOTHER

    say "inside head1"
=cut
    say "after"
    end
