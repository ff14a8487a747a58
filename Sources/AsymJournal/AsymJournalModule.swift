public enum AsymJournalModule {}
