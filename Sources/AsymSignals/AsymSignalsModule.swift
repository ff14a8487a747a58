public enum AsymSignalsModule {}
