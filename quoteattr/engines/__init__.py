"""Optional analysis engines that feed the rule pipeline (stanza)."""
