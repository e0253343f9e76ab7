"""民主测评 in the meeting room: ballots from phones (``selfcheck collect``) and from paper (``rate --import``).

The ballot logic (codes, the form's columns, a submitted ballot → rating reports, the paper sheet and its import) is
pure core; :mod:`selfcheck.collect.web` is the web app and is imported only by ``selfcheck collect``.
"""
