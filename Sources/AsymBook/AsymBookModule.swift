public enum AsymBookModule {}
