"""Cross-article event merging: reports of one event from many articles become one cluster."""

from tidings.merge.cluster import EventCluster, EventMerger, merge_events
from tidings.merge.report import Report, report_from_event, reports_from_parquet, reports_from_record

__all__ = ["EventCluster", "EventMerger", "Report", "merge_events", "report_from_event", "reports_from_parquet", "reports_from_record"]
